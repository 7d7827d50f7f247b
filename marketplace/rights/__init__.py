"""Worker protections: registration, entitlements and wage cases (POLICY §2, §7, §8, §9)."""
