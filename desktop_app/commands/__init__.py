"""Subcommands of ``desktop-app`` contributed by feature modules (application shell; no Qt)."""
