"""The care actions: every write to a looked-after child's record is one of these."""
