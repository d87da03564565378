# Scree plot: the share of variance each principal component explains, PCA of run 7?s embeddings of the 833 items with at least 20 training ratings (as cflab inspect --min-ratings 20).
# Written by cflab report; redraw with: gnuplot pca-scree.gp (from any folder).
here = ARG0[1:strlen(ARG0) - 12]
data = here.'pca-scree.dat'
set encoding utf8
set terminal pngcairo noenhanced size 900,560 font 'sans,10'
set output here.'pca-scree.png'
set title 'Variance explained per principal component, item embeddings of run 7'
set xlabel 'component'
set ylabel 'share of variance'
set grid
set yrange [0:1.05]
set xrange [0.5:89.5]
set style fill solid 0.6 noborder
set boxwidth 0.7
set key top left
plot data using 1:2 with boxes linecolor rgb '#8c8c8c' title 'per component', \
     data using 1:3 with linespoints pointtype 7 linecolor rgb '#333333' title 'cumulative'
unset output
reset
set terminal svg noenhanced size 900,560 font 'sans,10' dynamic
set output here.'pca-scree.svg'
set title 'Variance explained per principal component, item embeddings of run 7'
set xlabel 'component'
set ylabel 'share of variance'
set grid
set yrange [0:1.05]
set xrange [0.5:89.5]
set style fill solid 0.6 noborder
set boxwidth 0.7
set key top left
plot data using 1:2 with boxes linecolor rgb '#8c8c8c' title 'per component', \
     data using 1:3 with linespoints pointtype 7 linecolor rgb '#333333' title 'cumulative'
unset output
reset
