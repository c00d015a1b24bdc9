import sys

from generator.docs.site import main

sys.exit(main())
