"""The care app's writes: every change to a looked-after child's record is one of these."""
