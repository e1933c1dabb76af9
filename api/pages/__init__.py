"""The review pages (server-rendered HTML in Dutch) for the people who decide."""
