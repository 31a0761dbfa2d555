"""Search: the Pagefind index of each language's built site, and the words too common to search."""
