# Valid RMSE per epoch of every configuration, coloured by model.kind: mean over seeds, with a band from min to max.
# Written by cflab report; redraw with: gnuplot overlay.gp (from any folder).
here = ARG0[1:strlen(ARG0) - 10]
data = here.'overlay.dat'
set encoding utf8
set terminal pngcairo noenhanced size 1100,560 font 'sans,10'
set output here.'overlay.png'
set title 'Valid RMSE per epoch, coloured by model.kind'
set xlabel 'epoch'
set ylabel 'valid RMSE'
set grid
set key below font ',8' maxrows 8
set xtics 1
plot data index 0 using 1:3:4 with filledcurves fillcolor rgb '#1b9e77' fillstyle transparent solid 0.15 noborder notitle, \
     data index 0 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#1b9e77' dashtype 1 title columnheader(2), \
     data index 1 using 1:3:4 with filledcurves fillcolor rgb '#1b9e77' fillstyle transparent solid 0.15 noborder notitle, \
     data index 1 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#1b9e77' dashtype 2 title columnheader(2), \
     data index 2 using 1:3:4 with filledcurves fillcolor rgb '#1b9e77' fillstyle transparent solid 0.15 noborder notitle, \
     data index 2 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#1b9e77' dashtype 3 title columnheader(2), \
     data index 3 using 1:3:4 with filledcurves fillcolor rgb '#d95f02' fillstyle transparent solid 0.15 noborder notitle, \
     data index 3 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#d95f02' dashtype 1 title columnheader(2), \
     data index 4 using 1:3:4 with filledcurves fillcolor rgb '#1b9e77' fillstyle transparent solid 0.15 noborder notitle, \
     data index 4 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#1b9e77' dashtype 4 title columnheader(2), \
     data index 5 using 1:3:4 with filledcurves fillcolor rgb '#1b9e77' fillstyle transparent solid 0.15 noborder notitle, \
     data index 5 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#1b9e77' dashtype 5 title columnheader(2), \
     data index 6 using 1:3:4 with filledcurves fillcolor rgb '#1b9e77' fillstyle transparent solid 0.15 noborder notitle, \
     data index 6 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#1b9e77' dashtype 6 title columnheader(2), \
     data index 7 using 1:3:4 with filledcurves fillcolor rgb '#1b9e77' fillstyle transparent solid 0.15 noborder notitle, \
     data index 7 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#1b9e77' dashtype 7 title columnheader(2), \
     data index 8 using 1:3:4 with filledcurves fillcolor rgb '#1b9e77' fillstyle transparent solid 0.15 noborder notitle, \
     data index 8 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#1b9e77' dashtype 8 title columnheader(2), \
     data index 9 using 1:3:4 with filledcurves fillcolor rgb '#d95f02' fillstyle transparent solid 0.15 noborder notitle, \
     data index 9 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#d95f02' dashtype 2 title columnheader(2), \
     data index 10 using 1:3:4 with filledcurves fillcolor rgb '#d95f02' fillstyle transparent solid 0.15 noborder notitle, \
     data index 10 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#d95f02' dashtype 3 title columnheader(2), \
     data index 11 using 1:3:4 with filledcurves fillcolor rgb '#d95f02' fillstyle transparent solid 0.15 noborder notitle, \
     data index 11 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#d95f02' dashtype 4 title columnheader(2), \
     data index 12 using 1:3:4 with filledcurves fillcolor rgb '#d95f02' fillstyle transparent solid 0.15 noborder notitle, \
     data index 12 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#d95f02' dashtype 5 title columnheader(2), \
     data index 13 using 1:3:4 with filledcurves fillcolor rgb '#d95f02' fillstyle transparent solid 0.15 noborder notitle, \
     data index 13 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#d95f02' dashtype 6 title columnheader(2), \
     data index 14 using 1:3:4 with filledcurves fillcolor rgb '#d95f02' fillstyle transparent solid 0.15 noborder notitle, \
     data index 14 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#d95f02' dashtype 7 title columnheader(2), \
     data index 15 using 1:3:4 with filledcurves fillcolor rgb '#d95f02' fillstyle transparent solid 0.15 noborder notitle, \
     data index 15 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#d95f02' dashtype 8 title columnheader(2), \
     data index 16 using 1:3:4 with filledcurves fillcolor rgb '#7570b3' fillstyle transparent solid 0.15 noborder notitle, \
     data index 16 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#7570b3' dashtype 1 title columnheader(2), \
     data index 17 using 1:3:4 with filledcurves fillcolor rgb '#7570b3' fillstyle transparent solid 0.15 noborder notitle, \
     data index 17 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#7570b3' dashtype 2 title columnheader(2), \
     data index 18 using 1:3:4 with filledcurves fillcolor rgb '#7570b3' fillstyle transparent solid 0.15 noborder notitle, \
     data index 18 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#7570b3' dashtype 3 title columnheader(2), \
     data index 19 using 1:3:4 with filledcurves fillcolor rgb '#7570b3' fillstyle transparent solid 0.15 noborder notitle, \
     data index 19 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#7570b3' dashtype 4 title columnheader(2)
unset output
reset
set terminal svg noenhanced size 1100,560 font 'sans,10' dynamic
set output here.'overlay.svg'
set title 'Valid RMSE per epoch, coloured by model.kind'
set xlabel 'epoch'
set ylabel 'valid RMSE'
set grid
set key below font ',8' maxrows 8
set xtics 1
plot data index 0 using 1:3:4 with filledcurves fillcolor rgb '#1b9e77' fillstyle transparent solid 0.15 noborder notitle, \
     data index 0 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#1b9e77' dashtype 1 title columnheader(2), \
     data index 1 using 1:3:4 with filledcurves fillcolor rgb '#1b9e77' fillstyle transparent solid 0.15 noborder notitle, \
     data index 1 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#1b9e77' dashtype 2 title columnheader(2), \
     data index 2 using 1:3:4 with filledcurves fillcolor rgb '#1b9e77' fillstyle transparent solid 0.15 noborder notitle, \
     data index 2 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#1b9e77' dashtype 3 title columnheader(2), \
     data index 3 using 1:3:4 with filledcurves fillcolor rgb '#d95f02' fillstyle transparent solid 0.15 noborder notitle, \
     data index 3 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#d95f02' dashtype 1 title columnheader(2), \
     data index 4 using 1:3:4 with filledcurves fillcolor rgb '#1b9e77' fillstyle transparent solid 0.15 noborder notitle, \
     data index 4 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#1b9e77' dashtype 4 title columnheader(2), \
     data index 5 using 1:3:4 with filledcurves fillcolor rgb '#1b9e77' fillstyle transparent solid 0.15 noborder notitle, \
     data index 5 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#1b9e77' dashtype 5 title columnheader(2), \
     data index 6 using 1:3:4 with filledcurves fillcolor rgb '#1b9e77' fillstyle transparent solid 0.15 noborder notitle, \
     data index 6 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#1b9e77' dashtype 6 title columnheader(2), \
     data index 7 using 1:3:4 with filledcurves fillcolor rgb '#1b9e77' fillstyle transparent solid 0.15 noborder notitle, \
     data index 7 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#1b9e77' dashtype 7 title columnheader(2), \
     data index 8 using 1:3:4 with filledcurves fillcolor rgb '#1b9e77' fillstyle transparent solid 0.15 noborder notitle, \
     data index 8 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#1b9e77' dashtype 8 title columnheader(2), \
     data index 9 using 1:3:4 with filledcurves fillcolor rgb '#d95f02' fillstyle transparent solid 0.15 noborder notitle, \
     data index 9 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#d95f02' dashtype 2 title columnheader(2), \
     data index 10 using 1:3:4 with filledcurves fillcolor rgb '#d95f02' fillstyle transparent solid 0.15 noborder notitle, \
     data index 10 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#d95f02' dashtype 3 title columnheader(2), \
     data index 11 using 1:3:4 with filledcurves fillcolor rgb '#d95f02' fillstyle transparent solid 0.15 noborder notitle, \
     data index 11 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#d95f02' dashtype 4 title columnheader(2), \
     data index 12 using 1:3:4 with filledcurves fillcolor rgb '#d95f02' fillstyle transparent solid 0.15 noborder notitle, \
     data index 12 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#d95f02' dashtype 5 title columnheader(2), \
     data index 13 using 1:3:4 with filledcurves fillcolor rgb '#d95f02' fillstyle transparent solid 0.15 noborder notitle, \
     data index 13 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#d95f02' dashtype 6 title columnheader(2), \
     data index 14 using 1:3:4 with filledcurves fillcolor rgb '#d95f02' fillstyle transparent solid 0.15 noborder notitle, \
     data index 14 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#d95f02' dashtype 7 title columnheader(2), \
     data index 15 using 1:3:4 with filledcurves fillcolor rgb '#d95f02' fillstyle transparent solid 0.15 noborder notitle, \
     data index 15 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#d95f02' dashtype 8 title columnheader(2), \
     data index 16 using 1:3:4 with filledcurves fillcolor rgb '#7570b3' fillstyle transparent solid 0.15 noborder notitle, \
     data index 16 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#7570b3' dashtype 1 title columnheader(2), \
     data index 17 using 1:3:4 with filledcurves fillcolor rgb '#7570b3' fillstyle transparent solid 0.15 noborder notitle, \
     data index 17 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#7570b3' dashtype 2 title columnheader(2), \
     data index 18 using 1:3:4 with filledcurves fillcolor rgb '#7570b3' fillstyle transparent solid 0.15 noborder notitle, \
     data index 18 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#7570b3' dashtype 3 title columnheader(2), \
     data index 19 using 1:3:4 with filledcurves fillcolor rgb '#7570b3' fillstyle transparent solid 0.15 noborder notitle, \
     data index 19 using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '#7570b3' dashtype 4 title columnheader(2)
unset output
reset
