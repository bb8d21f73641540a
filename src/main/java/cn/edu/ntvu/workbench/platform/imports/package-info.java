/**
 * Reads uploaded directory files (CSV in UTF-8 or GBK, XLSX) into numbered rows, refusing unsafe
 * files.
 */
package cn.edu.ntvu.workbench.platform.imports;
