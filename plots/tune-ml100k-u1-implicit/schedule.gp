# Learning rate, beta1 and batch loss per step of run 7, so that a one-cycle run can be read.
# Written by cflab report; redraw with: gnuplot schedule.gp (from any folder).
here = ARG0[1:strlen(ARG0) - 11]
data = here.'schedule.dat'
set encoding utf8
set terminal pngcairo noenhanced size 900,760 font 'sans,10'
set output here.'schedule.png'
set multiplot layout 3,1 title 'Schedule of run 7: learning rate, beta1 and batch loss per step'
set grid
set lmargin 12
set rmargin 4
unset key
set xrange [0:16918]
set ylabel 'learning rate'
set autoscale y
set ytics autofreq
set format y '%.3g'
plot data using 1:2 with lines linewidth 1.5 linecolor rgb '#333333'
set ylabel 'beta1'
set autoscale y
set ytics autofreq
set format y '%.3g'
plot data using 1:3 with lines linewidth 1.5 linecolor rgb '#8c8c8c'
set xlabel 'step'
set ylabel 'batch loss'
set autoscale y
set ytics autofreq
set format y '%.3g'
plot data using 1:4 with lines linewidth 1.5 linecolor rgb '#333333'
unset multiplot
unset output
reset
set terminal svg noenhanced size 900,760 font 'sans,10' dynamic
set output here.'schedule.svg'
set multiplot layout 3,1 title 'Schedule of run 7: learning rate, beta1 and batch loss per step'
set grid
set lmargin 12
set rmargin 4
unset key
set xrange [0:16918]
set ylabel 'learning rate'
set autoscale y
set ytics autofreq
set format y '%.3g'
plot data using 1:2 with lines linewidth 1.5 linecolor rgb '#333333'
set ylabel 'beta1'
set autoscale y
set ytics autofreq
set format y '%.3g'
plot data using 1:3 with lines linewidth 1.5 linecolor rgb '#8c8c8c'
set xlabel 'step'
set ylabel 'batch loss'
set autoscale y
set ytics autofreq
set format y '%.3g'
plot data using 1:4 with lines linewidth 1.5 linecolor rgb '#333333'
unset multiplot
unset output
reset
