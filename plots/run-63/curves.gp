# Train and valid RMSE per epoch of run 63, the best run? the dashed line marks its best epoch.
# Written by cflab report; redraw with: gnuplot curves.gp (from any folder).
here = ARG0[1:strlen(ARG0) - 9]
data = here.'curves.dat'
set encoding utf8
set terminal pngcairo noenhanced size 900,560 font 'sans,10'
set output here.'curves.png'
set title 'Training curves of run 63 (dot_bias)'
set xlabel 'epoch'
set ylabel 'RMSE'
set grid
set key top right
set xtics 1
set arrow 1 from 4, graph 0 to 4, graph 1 nohead dashtype 2 linecolor rgb '#888888'
set label 1 'best epoch 4' at 4, graph 0.95 left offset 0.5,0
plot data using 1:2 with linespoints pointtype 7 linecolor rgb '#d95f02' title 'train RMSE', \
     data using 1:3 with linespoints pointtype 7 linecolor rgb '#1b9e77' title 'valid RMSE'
unset output
reset
set terminal svg noenhanced size 900,560 font 'sans,10' dynamic
set output here.'curves.svg'
set title 'Training curves of run 63 (dot_bias)'
set xlabel 'epoch'
set ylabel 'RMSE'
set grid
set key top right
set xtics 1
set arrow 1 from 4, graph 0 to 4, graph 1 nohead dashtype 2 linecolor rgb '#888888'
set label 1 'best epoch 4' at 4, graph 0.95 left offset 0.5,0
plot data using 1:2 with linespoints pointtype 7 linecolor rgb '#d95f02' title 'train RMSE', \
     data using 1:3 with linespoints pointtype 7 linecolor rgb '#1b9e77' title 'valid RMSE'
unset output
reset
