"""The site's languages: CLDR names (Babel) and the gettext catalogs of the interface."""
