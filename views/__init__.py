"""The app's pages, one module each; app.py only chooses which one to draw."""
