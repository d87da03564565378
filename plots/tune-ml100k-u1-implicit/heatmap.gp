# The embedding values of the 20 most-rated items of run 7, one row per item.
# Written by cflab report; redraw with: gnuplot heatmap.gp (from any folder).
here = ARG0[1:strlen(ARG0) - 10]
data = here.'heatmap.dat'
set encoding utf8
set terminal pngcairo noenhanced size 1000,640 font 'sans,10'
set output here.'heatmap.png'
set title 'Item embeddings of the 20 most-rated items, run 7'
set xlabel 'dimension'
unset key
set tics out
set ytics font ',8'
set xtics 8
set xrange [-0.5:88.5]
set palette defined (-1 '#2166ac', 0 '#f7f7f7', 1 '#b2182b')
stats data using 3 nooutput
limit = (abs(STATS_min) > abs(STATS_max) ? abs(STATS_min) : abs(STATS_max))
set cbrange [-limit:limit]
set lmargin 32
plot data using 1:2:3:ytic(4) with image
unset output
reset
set terminal svg noenhanced size 1000,640 font 'sans,10' dynamic
set output here.'heatmap.svg'
set title 'Item embeddings of the 20 most-rated items, run 7'
set xlabel 'dimension'
unset key
set tics out
set ytics font ',8'
set xtics 8
set xrange [-0.5:88.5]
set palette defined (-1 '#2166ac', 0 '#f7f7f7', 1 '#b2182b')
stats data using 3 nooutput
limit = (abs(STATS_min) > abs(STATS_max) ? abs(STATS_min) : abs(STATS_max))
set cbrange [-limit:limit]
set lmargin 32
plot data using 1:2:3:ytic(4) with image
unset output
reset
