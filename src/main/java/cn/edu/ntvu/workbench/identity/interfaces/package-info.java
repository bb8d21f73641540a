/** Admin pages of the school directory: importing files and browsing people, with personal data masked. */
package cn.edu.ntvu.workbench.identity.interfaces;
