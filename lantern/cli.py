"""The ``lantern`` console command: Django's management commands under the product's name.

``lantern demo``, ``lantern runserver``, ``lantern migrate`` … are all ``manage.py``
commands; one entry point means operators learn one word.
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lantern.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["lantern", *sys.argv[1:]])


if __name__ == "__main__":
    main()
