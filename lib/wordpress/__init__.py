"""Import a WordPress site (WXR export) into the blog."""
