#!/usr/bin/env python
"""Django's command-line utility; `netzwerkstatt` does the same."""

from netzwerkstatt.__main__ import main

if __name__ == "__main__":
    main()
