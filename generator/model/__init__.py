"""Model: the frozen, typed objects of a valid knowledge base, and the views over them."""
