# Valid RMSE per epoch of the 8 best of 40 configurations (by best valid RMSE), one colour per configuration: mean over seeds, with a band from min to max. The other 32 are the thin grey lines. The y-axis fits the 8 in colour from their second epoch on, so a grey curve or a first epoch above it is cut at the top.
# Written by cflab report; redraw with: gnuplot overlay.gp (from any folder).
here = ARG0[1:strlen(ARG0) - 10]
data = here.'overlay.dat'
set encoding utf8
set terminal pngcairo noenhanced size 1100,620 font 'sans,10'
set output here.'overlay.png'
set title 'Valid RMSE per epoch, one colour per configuration (the 8 best of 40 configurations in colour)'
set xlabel 'epoch'
set ylabel 'valid RMSE'
set grid
set key below font ',9' maxrows 5 height 1
set xtics 4
set xrange [0.5:60.5]
set yrange [0.908476318:0.964082825]
plot data index 8 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' title '32 other configurations', \
     data index 9 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 10 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 11 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 12 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 13 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 14 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 15 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 16 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 17 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 18 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 19 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 20 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 21 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 22 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 23 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 24 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 25 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 26 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 27 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 28 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 29 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 30 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 31 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 32 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 33 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 34 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 35 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 36 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 37 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 38 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 39 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 0 using 1:3:4 with filledcurves fillcolor rgb '#1b9e77' fillstyle transparent solid 0.12 noborder notitle, \
     data index 0 using 1:2 with linespoints pointtype 7 pointsize 0.8 linewidth 1.5 linecolor rgb '#1b9e77' dashtype 1 title columnheader(2), \
     data index 1 using 1:3:4 with filledcurves fillcolor rgb '#d95f02' fillstyle transparent solid 0.12 noborder notitle, \
     data index 1 using 1:2 with linespoints pointtype 7 pointsize 0.8 linewidth 1.5 linecolor rgb '#d95f02' dashtype 1 title columnheader(2), \
     data index 2 using 1:3:4 with filledcurves fillcolor rgb '#7570b3' fillstyle transparent solid 0.12 noborder notitle, \
     data index 2 using 1:2 with linespoints pointtype 7 pointsize 0.8 linewidth 1.5 linecolor rgb '#7570b3' dashtype 1 title columnheader(2), \
     data index 3 using 1:3:4 with filledcurves fillcolor rgb '#e7298a' fillstyle transparent solid 0.12 noborder notitle, \
     data index 3 using 1:2 with linespoints pointtype 7 pointsize 0.8 linewidth 1.5 linecolor rgb '#e7298a' dashtype 1 title columnheader(2), \
     data index 4 using 1:3:4 with filledcurves fillcolor rgb '#66a61e' fillstyle transparent solid 0.12 noborder notitle, \
     data index 4 using 1:2 with linespoints pointtype 7 pointsize 0.8 linewidth 1.5 linecolor rgb '#66a61e' dashtype 1 title columnheader(2), \
     data index 5 using 1:3:4 with filledcurves fillcolor rgb '#e6ab02' fillstyle transparent solid 0.12 noborder notitle, \
     data index 5 using 1:2 with linespoints pointtype 7 pointsize 0.8 linewidth 1.5 linecolor rgb '#e6ab02' dashtype 1 title columnheader(2), \
     data index 6 using 1:3:4 with filledcurves fillcolor rgb '#a6761d' fillstyle transparent solid 0.12 noborder notitle, \
     data index 6 using 1:2 with linespoints pointtype 7 pointsize 0.8 linewidth 1.5 linecolor rgb '#a6761d' dashtype 1 title columnheader(2), \
     data index 7 using 1:3:4 with filledcurves fillcolor rgb '#1f78b4' fillstyle transparent solid 0.12 noborder notitle, \
     data index 7 using 1:2 with linespoints pointtype 7 pointsize 0.8 linewidth 1.5 linecolor rgb '#1f78b4' dashtype 1 title columnheader(2)
unset output
reset
set terminal svg noenhanced size 1100,620 font 'sans,10' dynamic
set output here.'overlay.svg'
set title 'Valid RMSE per epoch, one colour per configuration (the 8 best of 40 configurations in colour)'
set xlabel 'epoch'
set ylabel 'valid RMSE'
set grid
set key below font ',9' maxrows 5 height 1
set xtics 4
set xrange [0.5:60.5]
set yrange [0.908476318:0.964082825]
plot data index 8 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' title '32 other configurations', \
     data index 9 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 10 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 11 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 12 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 13 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 14 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 15 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 16 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 17 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 18 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 19 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 20 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 21 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 22 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 23 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 24 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 25 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 26 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 27 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 28 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 29 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 30 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 31 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 32 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 33 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 34 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 35 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 36 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 37 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 38 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 39 using 1:2 with lines linewidth 1 linecolor rgb '#c8c8c8' notitle, \
     data index 0 using 1:3:4 with filledcurves fillcolor rgb '#1b9e77' fillstyle transparent solid 0.12 noborder notitle, \
     data index 0 using 1:2 with linespoints pointtype 7 pointsize 0.8 linewidth 1.5 linecolor rgb '#1b9e77' dashtype 1 title columnheader(2), \
     data index 1 using 1:3:4 with filledcurves fillcolor rgb '#d95f02' fillstyle transparent solid 0.12 noborder notitle, \
     data index 1 using 1:2 with linespoints pointtype 7 pointsize 0.8 linewidth 1.5 linecolor rgb '#d95f02' dashtype 1 title columnheader(2), \
     data index 2 using 1:3:4 with filledcurves fillcolor rgb '#7570b3' fillstyle transparent solid 0.12 noborder notitle, \
     data index 2 using 1:2 with linespoints pointtype 7 pointsize 0.8 linewidth 1.5 linecolor rgb '#7570b3' dashtype 1 title columnheader(2), \
     data index 3 using 1:3:4 with filledcurves fillcolor rgb '#e7298a' fillstyle transparent solid 0.12 noborder notitle, \
     data index 3 using 1:2 with linespoints pointtype 7 pointsize 0.8 linewidth 1.5 linecolor rgb '#e7298a' dashtype 1 title columnheader(2), \
     data index 4 using 1:3:4 with filledcurves fillcolor rgb '#66a61e' fillstyle transparent solid 0.12 noborder notitle, \
     data index 4 using 1:2 with linespoints pointtype 7 pointsize 0.8 linewidth 1.5 linecolor rgb '#66a61e' dashtype 1 title columnheader(2), \
     data index 5 using 1:3:4 with filledcurves fillcolor rgb '#e6ab02' fillstyle transparent solid 0.12 noborder notitle, \
     data index 5 using 1:2 with linespoints pointtype 7 pointsize 0.8 linewidth 1.5 linecolor rgb '#e6ab02' dashtype 1 title columnheader(2), \
     data index 6 using 1:3:4 with filledcurves fillcolor rgb '#a6761d' fillstyle transparent solid 0.12 noborder notitle, \
     data index 6 using 1:2 with linespoints pointtype 7 pointsize 0.8 linewidth 1.5 linecolor rgb '#a6761d' dashtype 1 title columnheader(2), \
     data index 7 using 1:3:4 with filledcurves fillcolor rgb '#1f78b4' fillstyle transparent solid 0.12 noborder notitle, \
     data index 7 using 1:2 with linespoints pointtype 7 pointsize 0.8 linewidth 1.5 linecolor rgb '#1f78b4' dashtype 1 title columnheader(2)
unset output
reset
