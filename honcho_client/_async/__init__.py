"""The asyncio client and its helpers; `honcho_client._sync` is generated from these files."""
