from notelint.cli import main

raise SystemExit(main())
