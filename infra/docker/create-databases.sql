CREATE DATABASE motcua_catalog;
CREATE DATABASE motcua_dossiers;
CREATE DATABASE motcua_feedback;
CREATE DATABASE motcua_digitization;
CREATE DATABASE motcua_reporting;
