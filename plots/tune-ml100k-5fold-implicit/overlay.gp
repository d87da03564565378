# Valid RMSE per epoch of every configuration, one colour per configuration: mean over seeds, with a band from min to max. The y-axis fits the curves from their second epoch on, so a first epoch above it is cut at the top.
# Written by cflab report; redraw with: gnuplot overlay.gp (from any folder).
here = ARG0[1:strlen(ARG0) - 10]
data = here.'overlay.dat'
set encoding utf8
set terminal pngcairo noenhanced size 1100,620 font 'sans,10'
set output here.'overlay.png'
set title 'Valid RMSE per epoch, one colour per configuration'
set xlabel 'epoch'
set ylabel 'valid RMSE'
set grid
set key below font ',9' maxrows 2 height 1
set xtics 1
set xrange [0.5:20.5]
set yrange [0.894004101:0.962287999]
plot data index 0 using 1:3:4 with filledcurves fillcolor rgb '#1b9e77' fillstyle transparent solid 0.12 noborder notitle, \
     data index 0 using 1:2 with linespoints pointtype 7 pointsize 0.8 linewidth 1.5 linecolor rgb '#1b9e77' dashtype 1 title columnheader(2)
unset output
reset
set terminal svg noenhanced size 1100,620 font 'sans,10' dynamic
set output here.'overlay.svg'
set title 'Valid RMSE per epoch, one colour per configuration'
set xlabel 'epoch'
set ylabel 'valid RMSE'
set grid
set key below font ',9' maxrows 2 height 1
set xtics 1
set xrange [0.5:20.5]
set yrange [0.894004101:0.962287999]
plot data index 0 using 1:3:4 with filledcurves fillcolor rgb '#1b9e77' fillstyle transparent solid 0.12 noborder notitle, \
     data index 0 using 1:2 with linespoints pointtype 7 pointsize 0.8 linewidth 1.5 linecolor rgb '#1b9e77' dashtype 1 title columnheader(2)
unset output
reset
