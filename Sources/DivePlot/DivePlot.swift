// Line charts, image grids, SVG and PNG writers, and the HTML run report.
