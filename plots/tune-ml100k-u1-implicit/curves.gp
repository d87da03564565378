# Train (dashed) and valid (solid) RMSE per epoch of run 7, the best run. The dashed line and the ringed point mark its best epoch.
# Written by cflab report; redraw with: gnuplot curves.gp (from any folder).
here = ARG0[1:strlen(ARG0) - 9]
data = here.'curves.dat'
set encoding utf8
set terminal pngcairo noenhanced size 900,560 font 'sans,10'
set output here.'curves.png'
set title 'Training curves of run 7 (dot_bias)'
set xlabel 'epoch'
set ylabel 'RMSE'
set grid
set key below horizontal height 1
set xtics 4
set xrange [0.5:60.5]
set offsets 0, 0, graph 0.12, graph 0.04
set arrow 1 from 38, graph 0 to 38, graph 1 nohead dashtype 2 linecolor rgb '#888888'
set label 1 'best epoch 38' at 38, graph 0.94 right offset -0.8,0 front
plot data using 1:2 with linespoints pointtype 6 dashtype 2 linecolor rgb '#1b9e77' title 'train RMSE', \
     data using 1:3 with linespoints pointtype 7 linewidth 1.5 linecolor rgb '#1b9e77' title 'valid RMSE', \
     data using 1:($1 == 38 ? $3 : NaN) with points pointtype 6 pointsize 2.2 linewidth 1.5 linecolor rgb '#000000' title 'best epoch'
unset output
reset
set terminal svg noenhanced size 900,560 font 'sans,10' dynamic
set output here.'curves.svg'
set title 'Training curves of run 7 (dot_bias)'
set xlabel 'epoch'
set ylabel 'RMSE'
set grid
set key below horizontal height 1
set xtics 4
set xrange [0.5:60.5]
set offsets 0, 0, graph 0.12, graph 0.04
set arrow 1 from 38, graph 0 to 38, graph 1 nohead dashtype 2 linecolor rgb '#888888'
set label 1 'best epoch 38' at 38, graph 0.94 right offset -0.8,0 front
plot data using 1:2 with linespoints pointtype 6 dashtype 2 linecolor rgb '#1b9e77' title 'train RMSE', \
     data using 1:3 with linespoints pointtype 7 linewidth 1.5 linecolor rgb '#1b9e77' title 'valid RMSE', \
     data using 1:($1 == 38 ? $3 : NaN) with points pointtype 6 pointsize 2.2 linewidth 1.5 linecolor rgb '#000000' title 'best epoch'
unset output
reset
