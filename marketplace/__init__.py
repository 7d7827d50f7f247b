"""甬零工: Ningbo's marketplace for flexible work (the app factory is ``marketplace.app``)."""
