/** Small per-server caches for values that change rarely and are read on every request. */
package cn.edu.ntvu.workbench.platform.cache;
