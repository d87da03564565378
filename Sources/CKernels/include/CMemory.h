#ifndef CFLAB_CMEMORY_H
#define CFLAB_CMEMORY_H

/// Asks the kernel to back the 2 MiB-aligned interior of [base, base + bytes) with huge
/// pages (Linux's transparent huge pages: MADV_HUGEPAGE, then MADV_COLLAPSE for pages
/// already there). Contents are unchanged. Returns the bytes advised; 0 where the system
/// has no such advice (macOS) or refuses it.
long cf_advise_huge_pages(void *base, unsigned long bytes);

#endif
