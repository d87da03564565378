# PC1 against PC2 of run 7?s embeddings of the 833 items with at least 20 training ratings (the basis of cflab inspect --min-ratings 20), labelled with the 15 most-rated titles. Each component?s largest loading is positive.
# Written by cflab report; redraw with: gnuplot pca.gp (from any folder).
here = ARG0[1:strlen(ARG0) - 6]
data = here.'pca.dat'
set encoding utf8
set terminal pngcairo noenhanced size 1000,760 font 'sans,10'
set output here.'pca.png'
set title 'Item embeddings of run 7 on the first two principal components'
set xlabel 'PC1 (14.6% of variance)'
set ylabel 'PC2 (7.2% of variance)'
set grid
set key top right
set lmargin at screen 0.08
set rmargin at screen 0.97
set bmargin at screen 0.09
set tmargin at screen 0.93
set xrange [-0.696845386:0.64763746]
set yrange [-0.536176426:0.65579815]
plot data index 0 using 1:2 with points pointtype 7 pointsize 0.4 linecolor rgb '#bbbbbb' title 'items', \
     data index 1 using 1:2 with points pointtype 7 pointsize 0.8 linecolor rgb '#333333' title 'most rated', \
     data index 2 using 1:2:3 with labels left font ',8' notitle, \
     data index 3 using 1:2:3 with labels center font ',8' notitle
unset output
reset
set terminal svg noenhanced size 1000,760 font 'sans,10' dynamic
set output here.'pca.svg'
set title 'Item embeddings of run 7 on the first two principal components'
set xlabel 'PC1 (14.6% of variance)'
set ylabel 'PC2 (7.2% of variance)'
set grid
set key top right
set lmargin at screen 0.08
set rmargin at screen 0.97
set bmargin at screen 0.09
set tmargin at screen 0.93
set xrange [-0.696845386:0.64763746]
set yrange [-0.536176426:0.65579815]
plot data index 0 using 1:2 with points pointtype 7 pointsize 0.4 linecolor rgb '#bbbbbb' title 'items', \
     data index 1 using 1:2 with points pointtype 7 pointsize 0.8 linecolor rgb '#333333' title 'most rated', \
     data index 2 using 1:2:3 with labels left font ',8' notitle, \
     data index 3 using 1:2:3 with labels center font ',8' notitle
unset output
reset
