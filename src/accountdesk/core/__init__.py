"""Everything that is not GUI. Nothing below this package imports QtWidgets or QtGui."""
