import sys

from handbook_app.cli import main

sys.exit(main())
