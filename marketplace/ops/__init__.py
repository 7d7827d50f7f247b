"""Operations: logs with request ids, health checks, HTTPS settings, key check and backups."""
