/**
 * Who the school's people are, as the school's identity platform knows them: read from the same
 * seed folder the app imports its first directory from ({@code app.seed-dir}: departments.csv,
 * classes.csv, people.csv). The sign-in screens list the demo people from it, and WeCom counts them
 * as members of the corp.
 */
package cn.edu.ntvu.standin.school;
