"""Worker profiles."""
