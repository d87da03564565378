# Learning rate and beta1 per step beside the batch loss of run 63, so that a one-cycle run can be read.
# Written by cflab report; redraw with: gnuplot schedule.gp (from any folder).
here = ARG0[1:strlen(ARG0) - 11]
data = here.'schedule.dat'
set encoding utf8
set terminal pngcairo noenhanced size 900,720 font 'sans,10'
set output here.'schedule.png'
set multiplot layout 2,1 title 'Schedule of run 63: learning rate and beta1 per step, and the loss'
set grid
set ylabel 'learning rate'
set y2label 'beta1'
set ytics nomirror
set y2tics
set key top right
plot data using 1:2 with lines linecolor rgb '#1b9e77' title 'learning rate', \
     data using 1:3 axes x1y2 with lines linecolor rgb '#d95f02' title 'beta1'
unset y2label
unset y2tics
set ytics mirror
set xlabel 'step'
set ylabel 'batch loss'
plot data using 1:4 with lines linecolor rgb '#7570b3' title 'loss'
unset multiplot
unset output
reset
set terminal svg noenhanced size 900,720 font 'sans,10' dynamic
set output here.'schedule.svg'
set multiplot layout 2,1 title 'Schedule of run 63: learning rate and beta1 per step, and the loss'
set grid
set ylabel 'learning rate'
set y2label 'beta1'
set ytics nomirror
set y2tics
set key top right
plot data using 1:2 with lines linecolor rgb '#1b9e77' title 'learning rate', \
     data using 1:3 axes x1y2 with lines linecolor rgb '#d95f02' title 'beta1'
unset y2label
unset y2tics
set ytics mirror
set xlabel 'step'
set ylabel 'batch loss'
plot data using 1:4 with lines linecolor rgb '#7570b3' title 'loss'
unset multiplot
unset output
reset
