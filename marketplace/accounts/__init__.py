"""Sign-up, sign-in, sign-out and account commands."""
