# Marginal effect: best valid RMSE against optimizer.weight_decay, one point per run (a sampled range gives each run its own value), one colour per model kind? the axis stops above the best quarter of runs, so a few diverging runs do not flatten the rest.
# Written by cflab report; redraw with: gnuplot sensitivity-optimizer.weight_decay.gp (from any folder).
here = ARG0[1:strlen(ARG0) - 37]
data = here.'sensitivity-optimizer.weight_decay.dat'
set encoding utf8
set terminal pngcairo noenhanced size 900,560 font 'sans,10'
set output here.'sensitivity-optimizer.weight_decay.png'
set title 'Best valid RMSE against optimizer.weight_decay'
set xlabel 'optimizer.weight_decay'
set ylabel 'best valid RMSE of each run'
set grid
set key top right
set autoscale xfix
set offsets graph 0.05, graph 0.05, graph 0.05, graph 0.05
set logscale x
set yrange [0.909538823:0.941770229]
plot data index 0 using 1:2 with points pointtype 7 pointsize 0.8 linecolor rgb '#1b9e77' title columnheader(2)
unset output
reset
set terminal svg noenhanced size 900,560 font 'sans,10' dynamic
set output here.'sensitivity-optimizer.weight_decay.svg'
set title 'Best valid RMSE against optimizer.weight_decay'
set xlabel 'optimizer.weight_decay'
set ylabel 'best valid RMSE of each run'
set grid
set key top right
set autoscale xfix
set offsets graph 0.05, graph 0.05, graph 0.05, graph 0.05
set logscale x
set yrange [0.909538823:0.941770229]
plot data index 0 using 1:2 with points pointtype 7 pointsize 0.8 linecolor rgb '#1b9e77' title columnheader(2)
unset output
reset
