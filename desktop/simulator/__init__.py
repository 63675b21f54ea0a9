"""A local fake of the platforms' APIs for the demo and the tests."""
