"""The station build: the one-folder bundle (PyInstaller) and the Windows installer (NSIS).

``python installer/build.py`` is the command; ``build_installer.spec`` imports
the helpers (version, bundle inputs, Qt plugin choice) from this package.
``frozen_main.py`` is the bundle's entry point and imports nothing from here.
"""
