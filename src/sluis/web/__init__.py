"""The HTTP side of Sluis: FastAPI apps over the same library the CLI uses."""
