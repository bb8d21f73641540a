/** The directory's search index in SQL: pinyin columns kept filled, indexed prefix queries. */
package cn.edu.ntvu.workbench.identity.infrastructure;
