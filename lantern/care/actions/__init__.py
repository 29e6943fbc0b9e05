"""Care writes, one module per area (STYLE.md): each is a named action that guards its
input, writes, moves the child's clocks and records what was done."""
