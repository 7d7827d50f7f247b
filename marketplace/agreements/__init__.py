"""Written agreements: drafts from templates, signatures, print, PDF and public verification."""
