"""Rendering what a Result holds: HTML, Excel, JSON, inline SVG and matplotlib charts."""
