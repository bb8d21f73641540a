/** WeCom's domain verification file and the shape we accept (wecom-api-notes §8). */
package cn.edu.ntvu.workbench.wecom.setup.domain;
