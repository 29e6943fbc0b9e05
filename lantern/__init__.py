"""Lantern: case management for a council's children's services."""
