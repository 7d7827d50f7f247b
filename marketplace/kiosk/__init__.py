"""Station kiosks (零工驿站): a shell of screens over the domains, with the station session."""
