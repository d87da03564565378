# Marginal effect: best valid RMSE against model.l2, one line per model kind. Each point is the mean over other settings, its error bar one standard deviation over other settings.
# Written by cflab report; redraw with: gnuplot sensitivity-model.l2.gp (from any folder).
here = ARG0[1:strlen(ARG0) - 23]
data = here.'sensitivity-model.l2.dat'
set encoding utf8
set terminal pngcairo noenhanced size 900,560 font 'sans,10'
set output here.'sensitivity-model.l2.png'
set title 'Best valid RMSE against model.l2'
set xlabel 'model.l2'
set ylabel 'best valid RMSE, mean ± std over other settings'
set grid
set key top right
set autoscale xfix
set offsets graph 0.05, graph 0.05, graph 0.05, graph 0.05
plot data index 0 using 1:2:3 with yerrorlines pointtype 7 linewidth 1.5 linecolor rgb '#1b9e77' title columnheader(2)
unset output
reset
set terminal svg noenhanced size 900,560 font 'sans,10' dynamic
set output here.'sensitivity-model.l2.svg'
set title 'Best valid RMSE against model.l2'
set xlabel 'model.l2'
set ylabel 'best valid RMSE, mean ± std over other settings'
set grid
set key top right
set autoscale xfix
set offsets graph 0.05, graph 0.05, graph 0.05, graph 0.05
plot data index 0 using 1:2:3 with yerrorlines pointtype 7 linewidth 1.5 linecolor rgb '#1b9e77' title columnheader(2)
unset output
reset
