"""`python -m kit` is `datatrail`."""

import sys

from kit.cli import main

sys.exit(main())
