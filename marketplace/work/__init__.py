"""Applications, attendance, payment and ratings."""
