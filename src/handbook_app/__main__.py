import sys

from handbook_app.launcher import main

sys.exit(main())
